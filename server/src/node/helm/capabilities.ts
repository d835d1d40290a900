/** How `helm template` is run: the cluster it renders for (helm is never given a live cluster). */
import { kubernetesVersion, servedKindIds } from '../../service/schema/registry';

/**
 * What helm is told of the cluster: the Kubernetes version the checks follow, and the kinds it
 * serves. Offline, helm knows only group/versions, so a chart's `.Capabilities.APIVersions.Has
 * "batch/v1/CronJob"` is false and the chart falls back to `batch/v1beta1`, which a cluster of
 * this version no longer serves (cockroachdb, yugabyte).
 */
const CLUSTER_CAPABILITIES = [
  `--kube-version=v${kubernetesVersion}.0`,
  `--api-versions=${servedKindIds().join(',')}`,
];

/** The flags after `template <release> <chart>`: no test hooks, the values on standard input. */
export function templateFlags(namespace: string): string[] {
  return [`--namespace=${namespace}`, '--skip-tests', ...CLUSTER_CAPABILITIES, '--values=-'];
}
