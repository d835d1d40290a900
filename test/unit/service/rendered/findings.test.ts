import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergedFinding } from '../../../../server/src/service/rendered/findings';
import { MergedValues, type ValueLeaf } from '../../../../server/src/service/rendered/values';
import type { RenderSubject, TracedFinding } from '../../../../server/src/service/rendered/types';
import type { KubeDiagnostic } from '../../../../server/src/service/types';

const subject: RenderSubject = {
  key: 'k',
  chartName: 'broker',
  templates: new Map(),
  merged: new MergedValues([
    { kind: 'file', label: 'prod.yaml', uri: 'file:///w/prod.yaml', text: 'disk:\n  class: ssd\n' },
  ]),
};

const original: KubeDiagnostic = {
  range: { start: { line: 30, character: 6 }, end: { line: 30, character: 30 } },
  severity: 'warning',
  code: 'storage-class-not-found',
  message: { en: 'No StorageClass `ssd`.', ru: 'Нет StorageClass `ssd`.' },
};

/** The finding as one rendered object gave it, traced to `disk.class` in prod.yaml. */
function tracedIn(object: string): TracedFinding {
  const leaf: ValueLeaf = {
    path: ['disk', 'class'],
    value: 'ssd',
    layer: 0,
    range: { start: { line: 1, character: 9 }, end: { line: 1, character: 12 } },
  };
  return {
    original,
    trace: { template: 'templates/sts.yaml', templateLine: 40, object, values: [leaf] },
    diagnostic: original,
    targets: [],
  };
}

describe('mergedFinding', () => {
  it('several claim templates of one StatefulSet are one object, not more', () => {
    const group = ['data-0', 'data-1', 'data-2'].map(() => tracedIn('StatefulSet broker'));
    const merged = mergedFinding(subject, group);
    assert.match(merged.message.en, /^In the rendered chart \(StatefulSet broker; /);
    assert.doesNotMatch(merged.message.en, /more object/);
    assert.doesNotMatch(merged.message.ru, /ещё (один )?объект/);
  });

  it('counts the other objects, each once', () => {
    const group = [
      tracedIn('StatefulSet broker'),
      tracedIn('StatefulSet broker'),
      tracedIn('StatefulSet mirror'),
    ];
    const merged = mergedFinding(subject, group);
    assert.match(merged.message.en, /\(StatefulSet broker and one more object; /);
    assert.match(merged.message.ru, /\(StatefulSet broker и ещё один объект; /);
    const three = mergedFinding(subject, [...group, tracedIn('StatefulSet audit')]);
    assert.match(three.message.en, /\(StatefulSet broker and 2 more objects; /);
    assert.match(three.message.ru, /\(StatefulSet broker и ещё объектов: 2; /);
  });
});
