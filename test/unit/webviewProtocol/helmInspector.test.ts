import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isFromWebview,
  isInspectorState,
  isToWebview,
} from '../../../server/src/webviewProtocol/helmInspector';

void test('messages from the webview are checked: only known types, template paths inside templates/', () => {
  assert.equal(isFromWebview({ type: 'ready' }), true);
  assert.equal(
    isFromWebview({ type: 'openTemplate', file: 'templates/statefulset.yaml', line: 3 }),
    true,
  );
  assert.equal(
    isFromWebview({ type: 'openTemplate', file: 'templates/../../etc/passwd', line: 3 }),
    false,
  );
  assert.equal(isFromWebview({ type: 'openTemplate', file: '/etc/passwd', line: 3 }), false);
  assert.equal(isFromWebview({ type: 'openTemplate', file: 'templates/a.yaml', line: 0 }), false);
  assert.equal(isFromWebview({ type: 'openValues', line: -1 }), false);
  assert.equal(isFromWebview({ type: 'runShell', command: 'rm -rf /' }), false);
  assert.equal(isFromWebview('ready'), false);
  assert.equal(isFromWebview(null), false);
});

void test('messages to the webview are checked before rendering', () => {
  const data = {
    chart: { name: 'keeper' },
    sourceLabel: 'x',
    hasSchema: false,
    defaultsText: 'a: 1\n',
    storageBlock: '',
    rows: [
      {
        path: 'a',
        keys: ['a'],
        depth: 0,
        type: 'integer',
        overridden: false,
        differs: false,
        storage: false,
        uses: [],
        line: 1,
      },
    ],
    diagnostics: [],
    problems: [],
  };
  const state = { source: { kind: 'path', path: '/c' } };
  assert.equal(isToWebview({ type: 'show', data, lang: 'ru', state }), true);
  assert.equal(isToWebview({ type: 'show', data, lang: 'de', state }), false);
  assert.equal(
    isToWebview({ type: 'show', data: { ...data, rows: [{ path: 1 }] }, lang: 'en', state }),
    false,
  );
  assert.equal(isToWebview({ type: 'show', data, lang: 'en', state: {} }), false);
  assert.equal(isToWebview({ type: 'error', message: 'x' }), true);
  // The labels' table goes with every message and holds texts only.
  const l10n = { 'Try again': 'Повторить' };
  assert.equal(isToWebview({ type: 'show', data, lang: 'ru', state, l10n }), true);
  assert.equal(isToWebview({ type: 'loading', label: 'c', l10n }), true);
  assert.equal(isToWebview({ type: 'error', message: 'x', l10n: {} }), true);
  assert.equal(isToWebview({ type: 'error', message: 'x', l10n: { a: 1 } }), false);
  assert.equal(isToWebview({ type: 'loading', label: 'c', l10n: 'ru' }), false);
  assert.equal(
    isInspectorState({ source: { kind: 'reference', reference: 'bitnami/mysql' } }),
    true,
  );
  assert.equal(isInspectorState({ source: { kind: 'shell' } }), false);
});

void test('rendered storage: the host checks the rows, the webview may ask to open a values line', () => {
  const claim = {
    namespace: 'accounting',
    name: 'data-books-ledger-0',
    statefulSet: 'books-ledger',
    ordinal: 0,
    storageClass: 'fast-ssd',
    size: '30Gi',
    accessModes: ['ReadWriteOnce'],
    outcome: 'pending',
    phase: 'Pending',
    volume: null,
    reason: { en: 'No StorageClass `fast-ssd`.', ru: 'Нет класса хранилища `fast-ssd`.' },
    links: { object: {}, size: {}, class: {}, modes: {} },
  };
  const storage = { state: 'rendered', claims: [claim], workloads: [] };
  assert.equal(isToWebview({ type: 'rendered', storage, lang: 'ru' }), true);
  assert.equal(isToWebview({ type: 'rendered', storage, lang: 'de' }), false);
  assert.equal(
    isToWebview({ type: 'rendered', storage: { ...storage, claims: [{ name: 1 }] }, lang: 'en' }),
    false,
  );
  assert.equal(
    isToWebview({ type: 'rendered', storage: { ...storage, state: 'maybe' }, lang: 'en' }),
    false,
  );
  assert.equal(isFromWebview({ type: 'openValueFile', uri: 'file:///v.yaml', line: 5 }), true);
  assert.equal(isFromWebview({ type: 'openValueFile', uri: 'file:///v.yaml', line: -1 }), false);
  assert.equal(isFromWebview({ type: 'openValueFile', line: 5 }), false);
});
