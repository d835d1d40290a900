/** Values left for a tool that runs before `kubectl apply`. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  filledInLater,
  hasEnvVariable,
  hasPlaceholder,
  hasVaultKeyPlaceholder,
} from '../../../../server/src/service/text/placeholders';

void test('substitutions of later tools are placeholders', () => {
  assert.ok(hasPlaceholder('${CLUSTER}-data'));
  assert.ok(hasPlaceholder('${SIZE:=10Gi}'));
  assert.ok(hasPlaceholder('$(NAME)'));
  assert.ok(hasPlaceholder('{{ .name }}'));
  assert.ok(hasPlaceholder('%{SYSTEM_DEFAULT_REGISTRY}%rancher/local-path-provisioner:v0.0.30'));
  assert.ok(!hasPlaceholder('100%'));
  assert.ok(!hasPlaceholder('%{lower}%'));
  assert.ok(hasPlaceholder('((db_size))'));
  assert.ok(hasPlaceholder('<path:kv/data/billing#password>'));
  assert.ok(hasPlaceholder('<path:kv/data/billing#password#2 | base64encode>'));
  assert.ok(hasPlaceholder('postgres://app:<path:kv/data/db#pw>@db:5432'));
});

void test('a <key> of argocd-vault-plugin needs its annotation, so is not one by itself', () => {
  assert.ok(!hasPlaceholder('<db-password>'));
  assert.ok(!hasPlaceholder('<path:no-key-given>'));
  assert.ok(hasVaultKeyPlaceholder('<db-password | base64encode>'));
  assert.ok(!hasVaultKeyPlaceholder('plain text'));
});

void test('final values are not placeholders', () => {
  assert.ok(!hasPlaceholder('PV_NAME'));
  assert.ok(!hasPlaceholder('10Gi'));
  assert.ok(!hasPlaceholder('$HOME'));
  assert.ok(!hasPlaceholder('price-$5'));
  assert.ok(!hasPlaceholder('(data)'));
});

void test('an envsubst $VAR: uppercase after `$`, whatever follows', () => {
  assert.ok(hasEnvVariable('$OPERATOR_SERVICE_ACCOUNT'));
  assert.ok(hasEnvVariable('$NAME-role'));
  assert.ok(hasEnvVariable('app-$ENV'));
  assert.ok(!hasEnvVariable('$home'));
  assert.ok(!hasEnvVariable('price-$5'));
  assert.ok(!hasEnvVariable('${VAR}'));
  assert.ok(!hasEnvVariable('$Home'));
});

void test('filled in later: any placeholder, and a <key> only in an object that names its vault path', () => {
  const annotated = { metadata: { annotations: { 'avp.kubernetes.io/path': 'secret/data/shop' } } };
  const plain = { metadata: { annotations: { team: 'shop' } } };
  assert.ok(filledInLater('<claim-name>', annotated));
  assert.ok(!filledInLater('<claim-name>', plain));
  assert.ok(!filledInLater('<claim-name>'));
  assert.ok(filledInLater('<path:secret/data/shop#claim>', plain));
  assert.ok(filledInLater('${APP}-data'));
  assert.ok(!filledInLater('data', annotated));
});
