/**
 * Hover over stdio against the built server: real positions (keys in nested lists, flow style,
 * values), the language of the card, and switching `kubeStorage.language` without a restart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { TestClient } from './support/client';

const URI = 'file:///tmp/kube-storage-hover-test/db.yaml';

const MANIFEST = `apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  clusterIP: None
  selector: {app: db}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  podManagementPolicy: Parallel
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: postgres:16
          volumeMounts:
            - {name: data, mountPath: /var/lib/postgresql/data}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 20Gi
`;

/** The position of the `nth` occurrence of `needle`, `offset` characters into it. */
function at(needle: string, offset = 1, nth = 1): Position {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = MANIFEST.indexOf(needle, index + 1);
    assert.notEqual(index, -1, `${needle} (#${nth}) is in the manifest`);
  }
  const before = MANIFEST.slice(0, index + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

async function hoverText(client: TestClient, position: Position): Promise<string | undefined> {
  const result = await client.request<Hover | null>('textDocument/hover', {
    textDocument: { uri: URI },
    position,
  });
  if (!result) return undefined;
  const contents = result.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

void describe('hover over LSP', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ locale: 'en', settings: { language: 'auto' } });
    assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
    await client.open(URI, MANIFEST);
  });

  after(async () => {
    await client.stop();
  });

  void it('a key in a flow mapping inside a block list inside the pod template', async () => {
    const text = await hoverText(client, at('mountPath', 3));
    assert.ok(text);
    assert.match(text, /VolumeMount\.mountPath/);
    assert.match(text, /\[Kubernetes docs\]\(https:\/\/kubernetes\.io\//);
  });

  void it('a claim template key gets the claim spec text', async () => {
    const text = await hoverText(client, at('accessModes', 2));
    assert.ok(text);
    assert.match(text, /PersistentVolumeClaimSpec\.accessModes/);
    assert.match(text, /ReadWriteOncePod/);
  });

  void it('an enum value in a flow sequence', async () => {
    const text = await hoverText(client, at('ReadWriteOnce', 4));
    assert.ok(text);
    assert.match(text, /^`ReadWriteOnce` — value of `PersistentVolumeClaimSpec\.accessModes`/);
    assert.match(text, /one node/);
  });

  void it('a quantity value', async () => {
    const text = await hoverText(client, at('20Gi', 1));
    assert.ok(text);
    assert.match(text, /\*\*21,474,836,480\*\* bytes/);
  });

  void it('the kind value of the second document', async () => {
    const text = await hoverText(client, at('StatefulSet', 3));
    assert.ok(text);
    assert.match(text, /^\*\*StatefulSet\*\* · `apps\/v1`/);
    assert.match(text, /headless/);
  });

  void it('a Service field that makes it headless', async () => {
    const text = await hoverText(client, at('clusterIP', 2));
    assert.ok(text);
    assert.match(text, /ServiceSpec\.clusterIP/);
    assert.match(text, /None/);
  });

  void it('nothing on blank space', async () => {
    assert.equal(await hoverText(client, { line: 5, character: 0 }), undefined);
  });

  void it('switching kubeStorage.language applies at once, both ways', async () => {
    const position = at('podManagementPolicy', 3);
    const english = await hoverText(client, position);
    assert.ok(english);
    assert.match(english, /· optional/);
    assert.doesNotMatch(english, /[а-яё]/i);

    await client.changeSettings({ language: 'ru' });
    const russian = await hoverText(client, position);
    assert.ok(russian);
    assert.match(russian, /· необязательное/);
    assert.match(russian, /Поды создаются и удаляются|поды/i);
    assert.match(russian, /\[Документация Kubernetes\]/);

    await client.changeSettings({ language: 'en' });
    assert.equal(await hoverText(client, position), english);
  });
});

void describe('hover language follows the display language with `auto`', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ locale: 'ru', settings: { language: 'auto' } });
    await client.open(URI, MANIFEST);
  });

  after(async () => {
    await client.stop();
  });

  void it('Russian display language gives Russian cards; the setting overrides it', async () => {
    const position = at('Parallel', 2);
    const russian = await hoverText(client, position);
    assert.ok(russian);
    assert.match(russian, /^`Parallel` — значение поля `StatefulSetSpec\.podManagementPolicy`/);

    await client.changeSettings({ language: 'en' });
    const english = await hoverText(client, position);
    assert.ok(english);
    assert.match(english, /^`Parallel` — value of/);
  });
});
