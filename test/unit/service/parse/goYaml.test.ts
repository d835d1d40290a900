/**
 * What Kubernetes' YAML reader (go-yaml) accepts that the `yaml` package does not
 * (parse/goYaml.ts): continuation lines of a quoted scalar or a `[ ]` / `{ }` collection at or
 * left of their key's column. The chunk reads them as kubectl does (the values below are what
 * `kubectl label --local -f x.yaml a=b -o json` printed for the same text), notes where they
 * are, and every position still points into the text as written.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, isScalar, parseAllDocuments, visit, type Node } from 'yaml';
import { ParsedChunk } from '../../../../server/src/service/parse/chunk';
import {
  findShallowContinuations,
  goYamlIgnoresTag,
  meantTag,
  readLeniently,
  shallowContinuations,
} from '../../../../server/src/service/parse/goYaml';

function read(text: string): { chunk: ParsedChunk; data: unknown } {
  const chunk = new ParsedChunk(text, false);
  const value = chunk.docs[0]!.value();
  assert.ok(value.ok);
  return { chunk, data: value.data };
}

/** The text each key of the document is written as: a key's range must still point at it. */
function keysAsWritten(chunk: ParsedChunk): void {
  visit(chunk.docs[0]!.doc, {
    Pair(_, pair) {
      const key = pair.key as Node;
      if (!isScalar(key) || !key.range) return;
      assert.equal(chunk.text.slice(key.range[0], key.range[1]), String(key.value));
    },
  });
}

/** The first shallow line of each continuation noted for the chunk's first document. */
function shallowLines(chunk: ParsedChunk): string[] {
  return shallowContinuations(chunk.docs[0]!.doc).map(
    (s) => `${s.kind} ${chunk.text.slice(s.span[0], s.span[1])}`,
  );
}

describe('continuation lines go-yaml accepts at any column', () => {
  it('a flow sequence continued at the key’s column (stable/minio)', () => {
    const text = [
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - name: app',
      '      command: [ "/bin/sh",',
      '      "-c",',
      '      "sleep 3600" ]',
      '      image: busybox',
      '',
    ].join('\n');
    const { chunk, data } = read(text);
    assert.deepEqual(chunk.docs[0]!.doc.errors, []);
    assert.deepEqual(data, {
      kind: 'Pod',
      spec: {
        containers: [{ name: 'app', command: ['/bin/sh', '-c', 'sleep 3600'], image: 'busybox' }],
      },
    });
    assert.deepEqual(shallowLines(chunk), ['sequence "-c",']);
    keysAsWritten(chunk);
    // The list's own range spans the text as written, from `[` to past `]`.
    const container = (chunk.docs[0]!.doc.getIn(['spec', 'containers', 0]) as Node & {
      get(key: string, keep: true): Node;
    })!;
    const command = container.get('command', true);
    assert.equal(
      chunk.text.slice(command.range![0], command.range![1]),
      text.slice(text.indexOf('['), text.indexOf(']') + 1),
    );
  });

  it('a flow mapping continued at column 0, and a sequence item', () => {
    const text = 'a:\n  - {x: 1,\nz: 2}\n  - [p,\n  q]\nb: end\n';
    const { chunk, data } = read(text);
    assert.deepEqual(data, { a: [{ x: 1, z: 2 }, ['p', 'q']], b: 'end' });
    assert.deepEqual(shallowLines(chunk), ['mapping z: 2}', 'sequence q]']);
    keysAsWritten(chunk);
  });

  it('quoted scalars continued at the key’s column or left of it (old go-yaml CRDs)', () => {
    const text = [
      'metadata:',
      '  annotations:',
      "    a: 'APIVersion defines the versioned schema'",
      "    b: 'of this representation",
      "    of an object; it''s here'",
      '    c: "double \\"quoted\\"',
      '  continued \\',
      'joined"',
      "    d: 'with",
      '',
      "    an empty line'",
      'data:',
      '  - "item',
      '  less"',
      '',
    ].join('\n');
    const { chunk, data } = read(text);
    assert.deepEqual(chunk.docs[0]!.doc.errors, []);
    assert.deepEqual(data, {
      metadata: {
        annotations: {
          a: 'APIVersion defines the versioned schema',
          b: "of this representation of an object; it's here",
          c: 'double "quoted" continued joined',
          d: 'with\nan empty line',
        },
      },
      data: ['item less'],
    });
    assert.deepEqual(shallowLines(chunk), [
      "quoted of an object; it''s here'",
      'quoted continued \\',
      "quoted an empty line'",
      'quoted less"',
    ]);
    keysAsWritten(chunk);
  });

  it('a quoted scalar inside a flow collection, and a comment in it', () => {
    const text = 'args: ["a\nb", # note\n"c"]\nnext: 1\n';
    const { chunk, data } = read(text);
    assert.deepEqual(data, { args: ['a b', 'c'], next: 1 });
    assert.deepEqual(shallowLines(chunk), ['sequence b", # note']);
    keysAsWritten(chunk);
  });

  it('reads CRLF line ends the same way', () => {
    const text = "a: ['x',\r\n'y']\r\nb: 'p\r\nq'\r\nc: 1\r\n";
    const { chunk, data } = read(text);
    assert.deepEqual(data, { a: ['x', 'y'], b: 'p q', c: 1 });
    assert.deepEqual(shallowLines(chunk), ["sequence 'y']", "quoted q'"]);
    keysAsWritten(chunk);
  });

  it('finds a key after a block scalar in a list item', () => {
    const text = '- key: |\n    text [\n  other: [a,\n  b]\n';
    const { data } = read(text);
    assert.deepEqual(data, [{ key: 'text [\n', other: ['a', 'b'] }]);
  });

  it('leaves block scalars and plain scalars alone', () => {
    const text = "a: |\n  ['not a list\n  it's text\nb: plain\n  [still plain\nc: [x,\nv]\n";
    assert.deepEqual(
      findShallowContinuations(text).map((s) => [s.kind, text.slice(s.open, s.open + 2)]),
      [['sequence', '[x']],
    );
    const { data } = read(text);
    assert.deepEqual(data, {
      a: "['not a list\nit's text\n",
      b: 'plain [still plain',
      c: ['x', 'v'],
    });
  });

  it('keeps the position of a later error in the same document', () => {
    const text = 'a: [1,\n2]\nb: [3\nc: 4\n';
    const { chunk } = read(text);
    const errors = chunk.docs[0]!.doc.errors;
    assert.ok(errors.length > 0);
    // The list on lines 1–2 is read; what is left is the unclosed one from `b: [3` on.
    assert.deepEqual(chunk.docs[0]!.doc.toJS().a, [1, 2]);
    for (const e of errors) assert.ok(e.pos[0] >= text.indexOf('b:'), `${e.code} at ${e.pos[0]}`);
  });

  it('changes nothing in a document the `yaml` package reads, or one still broken', () => {
    const clean = 'a: [1,\n  2]\n';
    const docs = parseAllDocuments(clean) as ReturnType<typeof parseAllDocuments> & unknown[];
    assert.equal(
      readLeniently(clean, docs as never, () => assert.fail('parsed again')),
      docs,
    );
    const unclosed = 'a: [1,\n2\nb: "x\n';
    const chunk = new ParsedChunk(unclosed, false);
    assert.ok(chunk.docs[0]!.doc.errors.length > 0);
    assert.deepEqual(shallowLines(chunk), []);
  });

  it('does not join a collection across a document marker', () => {
    assert.deepEqual(findShallowContinuations('a: [1,\n---\n2]\n'), []);
  });

  it('never throws, and keeps every position inside the text (random edits)', () => {
    const base =
      'a:\n  - b: [ \'x\',\n  "y", {z: 1,\n  w: 2} ]\n    c: \'long\n    text\' # c\n  - |\n    [raw\nd: "q\\"\n"\n';
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['[', ']', '{', '}', "'", '"', '\n', ' ', ':', '- ', '#', ',', '\\', '---\n'];
    let repaired = 0;
    for (let round = 0; round < 400; round++) {
      let text = base;
      for (let k = 0; k < 3; k++) {
        const at = random(text.length + 1);
        text = text.slice(0, at) + pieces[random(pieces.length)]! + text.slice(at + random(2));
      }
      const chunk = new ParsedChunk(text, false);
      for (const parsed of chunk.docs) {
        const { doc } = parsed;
        // The `yaml` package itself may end an error one past the text (a missing last quote).
        for (const p of [...doc.errors, ...doc.warnings])
          assert.ok(p.pos[0] >= 0 && p.pos[1] <= text.length + 1, JSON.stringify(text));
        visit(doc, {
          Node(_, node: Node) {
            const r = node.range!;
            // (On broken input the package's own ranges are not always in order.)
            const ok = r.every((offset) => offset >= 0 && offset <= text.length);
            assert.ok(ok, `${JSON.stringify(r)} in ${JSON.stringify(text)}`);
          },
        });
        if (isMap(doc.contents)) parsed.value();
        if (shallowContinuations(doc).length) repaired++;
      }
    }
    assert.ok(repaired > 50, `read leniently ${repaired} times`);
  });
});

describe('tags go-yaml ignores', () => {
  it('knows the core tags and no others', () => {
    assert.equal(goYamlIgnoresTag('tag:yaml.org,2002:str'), false);
    assert.equal(goYamlIgnoresTag('tag:yaml.org,2002:int'), false);
    assert.equal(goYamlIgnoresTag('tag:yaml.org,2002:string'), true);
    assert.equal(goYamlIgnoresTag('!Ref'), true);
    assert.equal(meantTag('tag:yaml.org,2002:string'), '!!str');
    assert.equal(meantTag('!Ref'), undefined);
  });

  it('reads the value of an unknown tag as its text, as kubectl does', () => {
    const { data } = read('a: !!string False\nb: !!string 12\nc: !foo {x: 1}\n');
    assert.deepEqual(data, { a: 'False', b: '12', c: { x: 1 } });
  });
});
