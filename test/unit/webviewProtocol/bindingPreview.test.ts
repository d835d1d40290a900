/** The binding preview's messages are checked at run time on receipt, both ways. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultViewState,
  isFromWebview,
  isToWebview,
  isViewState,
} from '../../../server/src/webviewProtocol/bindingPreview';

void test('messages from the webview are checked at runtime', () => {
  assert.ok(isFromWebview({ type: 'ready' }));
  assert.ok(isFromWebview({ type: 'reveal', uri: 'file:///a.yaml', line: 3, character: 0 }));
  assert.ok(isFromWebview({ type: 'setState', state: defaultViewState }));
  assert.ok(!isFromWebview({ type: 'reveal', uri: 'file:///a.yaml', line: -1, character: 0 }));
  assert.ok(!isFromWebview({ type: 'reveal', uri: 42, line: 1, character: 0 }));
  assert.ok(!isFromWebview({ type: 'setState', state: { scope: 'galaxy' } }));
  assert.ok(!isFromWebview({ type: 'eval', code: 'x' }));
  assert.ok(!isFromWebview(null));
});

void test('messages from the host are checked at runtime', () => {
  const data = { claims: [], volumes: [], storageClasses: [], workloads: [] };
  const update = {
    type: 'update',
    lang: 'en',
    strings: {},
    result: { ok: true, lang: 'en', data },
    state: defaultViewState,
    scopeLabel: 'ws',
  };
  assert.ok(isToWebview(update));
  assert.ok(isToWebview({ type: 'loading', lang: 'ru', strings: {} }));
  assert.ok(
    isToWebview({ ...update, result: { ok: false, lang: 'en', error: { en: 'x', ru: 'х' } } }),
  );
  assert.ok(!isToWebview({ ...update, lang: 'de' }));
  assert.ok(!isToWebview({ ...update, strings: 'none' }));
  assert.ok(!isToWebview({ ...update, result: { ok: true, data: { claims: 'x' } } }));
  assert.ok(!isToWebview({ ...update, state: { ...defaultViewState, scope: 'galaxy' } }));
  assert.ok(!isToWebview({ type: 'reveal', lang: 'en', strings: {} }));
});

void test('the view state restored after a reload is checked', () => {
  assert.ok(isViewState(defaultViewState));
  assert.ok(isViewState({ ...defaultViewState, anchorUri: 'file:///a.yaml', selected: 'pvc:a' }));
  assert.ok(!isViewState({ ...defaultViewState, anchorUri: 7 }));
  assert.ok(!isViewState({ ...defaultViewState, namespace: undefined }));
  // The rendered charts switch: a boolean or absent (on).
  assert.ok(isViewState({ ...defaultViewState, renderedCharts: false }));
  assert.ok(!isViewState({ ...defaultViewState, renderedCharts: 'no' }));
});
