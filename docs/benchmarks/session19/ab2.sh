#!/bin/bash
for i in 3 4; do
  for v in new base; do
    tree=/work/main; [ $v = base ] && tree=/work/base
    cd $tree
    PALVELUTUTKA_HEAP=2g bin/palvelututka bench run --dump /tmp/bench/d1m --work /tmp/bench/wab --skip floor,tagger --report /tmp/s19/ab-$v-$i.json > /tmp/s19/ab-$v-$i.log 2>&1
  done
done
echo finished > /tmp/s19/ab2.done
