#!/bin/bash
for r in 1 2; do
for t in main dev; do
  (cd /work/$t && bin/palvelututka models bench-analyzer --input /tmp/s20/bench20k.jsonl --seconds 20 --warmup 8) > /tmp/s20/bench-$t-$r.log 2>&1
done; done
touch /tmp/s20/ab.done
