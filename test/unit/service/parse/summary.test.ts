/**
 * Summaries that cross threads share their equal strings on arrival (parse/summary.ts): the
 * summary reads the same, and the pool keeps one copy of each short string.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedChunk } from '../../../../server/src/service/parse/chunk';
import {
  shareStrings,
  summarizeChunk,
  type FileSummary,
} from '../../../../server/src/service/parse/summary';

const claim = (name: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n  namespace: prod\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: ${'x'.repeat(80)}\n`;

const clone = <T>(value: T): T => structuredClone(value);

const summaryOf = (...texts: string[]): FileSummary => ({
  template: false,
  chunks: texts.map((text) => summarizeChunk(new ParsedChunk(text, false))),
});

describe('shareStrings', () => {
  it('leaves a cloned summary equal to what was sent, one pooled copy per short string', () => {
    const sent = summaryOf(claim('a'), claim('b'));
    const arrived = clone(sent);
    const pool = new Map<string, string>();
    shareStrings(arrived, pool);
    assert.deepEqual(arrived, sent);
    for (const s of ['object', 'PersistentVolumeClaim', 'v1', 'prod', 'ReadWriteOnce', 'a', 'b'])
      assert.equal(pool.get(s), s);
    // Long strings (and the lines' starts, numbers) are not pooled.
    assert.equal(pool.has('x'.repeat(80)), false);
    assert.ok([...pool.keys()].every((s) => s.length <= 64));
  });

  it('leaves values that are not plain objects alone (a set from a YAML tag)', () => {
    const sent = summaryOf(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  tags: !!set {a, b}\n',
    );
    const arrived = clone(sent);
    shareStrings(arrived, new Map());
    assert.deepEqual(arrived, sent);
  });
});

describe('summarizeChunk', () => {
  const labelled = (labels: string): string =>
    `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  labels:\n${labels}spec:\n  accessModes: [ReadWriteOnce]\n`;
  const factsAndData = (summary: FileSummary): { facts: unknown; data: unknown } => {
    const doc = summary.chunks[0]!.docs[0]!;
    assert.equal(doc.recognition.type, 'object');
    assert.equal(doc.value?.ok, true);
    const facts = doc.recognition.type === 'object' ? doc.recognition.facts.labels : undefined;
    const data = doc.value?.ok ? (doc.value.data as { metadata: { labels: unknown } }) : undefined;
    return { facts, data: data?.metadata.labels };
  };

  it('keeps one labels object for the recognition and the value, also once cloned', () => {
    const text = labelled('    app: queue\n    tier: storage\n');
    const sent = summaryOf(text);
    const arrived = factsAndData(clone(sent));
    assert.equal(arrived.facts, arrived.data, 'one object after the clone');
    assert.deepEqual(arrived.facts, { app: 'queue', tier: 'storage' });
    // The recognition reads as the chunk's own.
    const chunk = new ParsedChunk(text, false);
    assert.deepEqual(sent.chunks[0]!.docs[0]!.recognition, chunk.docs[0]!.recognition);
  });

  it('keeps two when the value holds what is not the same string (a number, a null)', () => {
    for (const labels of ['    version: 2\n', '    app:\n']) {
      const { facts, data } = factsAndData(clone(summaryOf(labelled(labels))));
      const expected = new ParsedChunk(labelled(labels), false).docs[0]!.recognition;
      assert.deepEqual(facts, expected.type === 'object' ? expected.facts.labels : undefined);
      assert.notEqual(facts, data);
    }
  });
});
