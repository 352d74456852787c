/**
 * The gazetteer built in steps (the dashboard's background work) is the gazetteer built in one
 * go, whether the steps run to the end or a caller needs it half way and finishes it.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { defaultGazetteer, gazetteerStep, loadGazetteer } from '../src/entities/gazetteer.js';

describe('the gazetteer built in steps', () => {
  it('stops after each slice, and a caller that needs it half way gets the whole of it', () => {
    // this file's process has not built the default gazetteer yet
    let slices = 0;
    while (slices < 5 && !gazetteerStep(0)) slices++;
    assert.equal(slices, 5, 'more than five steps: it yields between parts');
    const g = defaultGazetteer();
    assert.ok(gazetteerStep(0), 'built once finished by the caller');
    const whole = loadGazetteer();
    assert.deepEqual(
      g.entries.map((e) => e.id),
      whole.entries.map((e) => e.id),
    );
    assert.equal(g.stems.size, whole.stems.size);
    assert.equal(g.skeletons.size, whole.skeletons.size);
    assert.deepEqual([...g.root.next.keys()].sort(), [...whole.root.next.keys()].sort());
  });
});
