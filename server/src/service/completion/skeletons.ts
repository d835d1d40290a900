/** Whole-object skeletons for an empty document: the storage kinds, valid as soon as inserted. */
import { definitionFor, preferredApiVersion } from '../schema/registry';
import { kindDocumentation } from './docs';
import { storageClassLine } from './snippets';
import { completionMessages as m, skeletonMessages } from './itemMessages';
import {
  escapeSnippet,
  lineRange,
  sortKey,
  type CompletionContext,
  type KubeCompletionItem,
  type KeySite,
} from './types';

const MODES = '${2|ReadWriteOnce,ReadWriteMany,ReadOnlyMany,ReadWriteOncePod|}';

function bodies(ctx: CompletionContext): Record<keyof typeof skeletonMessages, string> {
  return {
    PersistentVolumeClaim: `metadata:
  name: \${1:data}
spec:
  accessModes:
    - ${MODES}
  resources:
    requests:
      storage: \${3:10Gi}
${storageClassLine(ctx, '  ', 4)}$0`,
    PersistentVolume: `metadata:
  name: \${1:pv-local-1}
spec:
  capacity:
    storage: \${3:10Gi}
  accessModes:
    - ${MODES}
  persistentVolumeReclaimPolicy: \${4|Retain,Delete|}
  storageClassName: \${5:manual}
  hostPath:
    path: \${6:/mnt/data}
    type: \${7|DirectoryOrCreate,Directory|}$0`,
    StorageClass: `metadata:
  name: \${1:fast}
provisioner: \${2:ebs.csi.aws.com}
reclaimPolicy: \${3|Delete,Retain|}
volumeBindingMode: \${4|WaitForFirstConsumer,Immediate|}
allowVolumeExpansion: \${5|true,false|}$0`,
    StatefulSet: `metadata:
  name: \${1:db}
spec:
  serviceName: \${2:\${1}-headless}
  replicas: \${3:3}
  selector:
    matchLabels:
      app: \${1}
  template:
    metadata:
      labels:
        app: \${1}
    spec:
      containers:
        - name: \${1}
          image: \${4:postgres:16}
          volumeMounts:
            - name: \${5:data}
              mountPath: \${6:/var/lib/data}
  volumeClaimTemplates:
    - metadata:
        name: \${5}
      spec:
        accessModes:
          - ReadWriteOnce
        resources:
          requests:
            storage: \${7:10Gi}
${storageClassLine(ctx, '        ', 8)}$0`,
    Pod: `metadata:
  name: \${1:app}
spec:
  containers:
    - name: \${1}
      image: \${2:busybox:1.36}
      volumeMounts:
        - name: \${3:data}
          mountPath: \${4:/data}
  volumes:
    - name: \${3}
      persistentVolumeClaim:
        claimName: \${5:data}$0`,
  };
}

export function skeletonItems(ctx: CompletionContext, site: KeySite): KubeCompletionItem[] {
  const all = bodies(ctx);
  return (Object.keys(all) as (keyof typeof skeletonMessages)[]).map((kind, i) => {
    const apiVersion = preferredApiVersion(kind)!;
    const text = `apiVersion: ${escapeSnippet(apiVersion)}\nkind: ${kind}\n${all[kind]}`;
    const typeDoc = kindDocumentation(definitionFor(kind, apiVersion), ctx.lang);
    return {
      label: `${kind}`,
      kind: 'snippet' as const,
      detail: `${m.skeleton[ctx.lang]} · ${apiVersion}`,
      documentation: [skeletonMessages[kind][ctx.lang], typeDoc].filter(Boolean).join('\n\n'),
      insertText: text,
      snippet: true,
      range: lineRange(ctx, site.start, site.end),
      sortText: sortKey(1, kind, i),
      filterText: kind,
    };
  });
}
