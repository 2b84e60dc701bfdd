#!/bin/bash
# interleaved 1M rounds: base (/work/base, 1e3a47c) vs new (/work/main, session 19 ingest changes)
for i in 1 2; do
  for v in base new; do
    tree=/work/main; [ $v = base ] && tree=/work/base
    cd $tree
    PALVELUTUTKA_HEAP=2g bin/palvelututka bench run --dump /tmp/bench/d1m --work /tmp/bench/wab --skip floor,tagger --report /tmp/s19/ab-$v-$i.json > /tmp/s19/ab-$v-$i.log 2>&1
  done
done
echo finished > /tmp/s19/ab.done
