/**
 * A cluster snapshot (what `kubectl get … -o yaml` printed) is the cluster's state, not a
 * manifest to fix: `status`, `uid`, `finalizers` and `managedFields` are normal there, and no
 * schema check or rule runs on it. Only YAML that cannot be read is reported — its objects would
 * be missing from the links and the bindings without a word otherwise.
 */
import { syntaxDiagnostics } from './chunkDiagnostics';
import { byPosition } from './fileDiagnostics';
import type { KubeDiagnostic } from '../types';
import { shiftRange, type WorkspaceFile } from '../workspace/file';

export function snapshotDiagnostics(file: WorkspaceFile): KubeDiagnostic[] {
  const out: KubeDiagnostic[] = [];
  for (const placed of file.chunks) {
    for (const d of syntaxDiagnostics(placed.chunk))
      out.push({ ...d, range: shiftRange(d.range, placed.startLine) });
  }
  return out.sort(byPosition);
}
