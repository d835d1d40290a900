import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  renderedDocuments,
  renderedTemplates,
} from '../../../../server/src/service/rendered/output';

describe('helm template output read as documents', () => {
  // What helm prints when a template's output starts with its own `---` (app-template charts).
  const output = [
    '---',
    '# Source: app/templates/common.yaml',
    '---',
    'kind: PersistentVolumeClaim',
    'apiVersion: v1',
    'metadata:',
    '  name: app-data',
    '---',
    '# Source: app/templates/common.yaml',
    'kind: Deployment',
    'apiVersion: apps/v1',
    'metadata:',
    '  name: app',
    '---',
    'kind: ConfigMap',
    'apiVersion: v1',
    'metadata:',
    '  name: loose',
    '',
  ].join('\n');

  it('gives an object after a lone `# Source:` comment that template', () => {
    const docs = renderedDocuments(output).filter((d) => d.kind);
    assert.deepEqual(
      docs.map((d) => `${d.kind} ${d.name} ${d.source ?? '-'}#${d.index}`),
      [
        'PersistentVolumeClaim app-data app/templates/common.yaml#1',
        'Deployment app app/templates/common.yaml#2',
        'ConfigMap loose -#0',
      ],
    );
    assert.deepEqual(renderedTemplates(output), ['templates/common.yaml']);
  });
});
