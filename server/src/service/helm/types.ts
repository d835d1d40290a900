/** Data of the Helm values model: a chart's files in, a values tree with docs and template uses out. */
import type { LocalizedText, Range } from '../types';

/** A chart's text files, keyed by path relative to the chart root with `/` separators (`templates/pvc.yaml`). */
export type ChartFiles = ReadonlyMap<string, string>;

export type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** What a storage-related value controls; `undefined` for other values. */
export type StorageKind =
  | 'persistence'
  | 'enabled'
  | 'storageClass'
  | 'size'
  | 'sizeLimit'
  | 'accessMode'
  | 'accessModes'
  | 'existingClaim'
  | 'volumeClaimTemplates'
  | 'volumePermissions'
  | 'hostPath'
  | 'mountPath'
  | 'subPath'
  | 'annotations'
  | 'selector';

export interface ValueNode {
  /** Keys from the root, e.g. ['persistence', 'size']. */
  path: string[];
  /** The path as people write it: `persistence.size`, `podAnnotations["a.b/c"]`. */
  id: string;
  key: string;
  /** The JSON type of the default; for a documented-but-unset key, the type of its example (or null). */
  type: ValueType;
  /** The chart's default (plain JS); undefined for a documented-but-unset key. */
  defaultValue: unknown;
  /** The chart's comment above the key, comment markers removed. */
  doc?: string;
  /** A comment after the value on the key's line. */
  trailing?: string;
  /** Present for keys that appear only in comments (`# storageClass: "-"`): the example text. */
  unset?: { example: string };
  /** 0-based line of the key in values.yaml. */
  line: number;
  /** Range of the key in values.yaml (for a commented-out key: the comment). */
  range: Range;
  storage?: StorageKind;
  children: ValueNode[];
}

export type TemplateUseKind = 'direct' | 'with' | 'range' | 'variable' | 'index';

export interface TemplateUse {
  /** Value path the template reads. */
  path: string[];
  id: string;
  /** Chart-relative file, e.g. `templates/statefulset.yaml`. */
  file: string;
  /** 0-based line and character of the reference. */
  line: number;
  character: number;
  kind: TemplateUseKind;
  /** The whole value is consumed (toYaml, tpl, range, bare `.`), so keys under it are free-form. */
  whole: boolean;
  /**
   * The action also calls a named template (`include "x" (dict "v" .Values.a)`): the value may be
   * handed to it, and what the named template does with it is not followed.
   */
  passed?: true;
  /** The template line, trimmed (for display). */
  text: string;
}

export interface ChartMeta {
  name?: string;
  version?: string;
  appVersion?: string;
  description?: string;
  /** Subchart names (alias or name) from Chart.yaml `dependencies` or requirements.yaml: their values live under these keys. */
  dependencies?: string[];
  /** Values paths of the dependencies' `condition`s (`minio.enabled`): the parent's to set. */
  conditions?: string[];
  /** Some dependency has `tags`: the parent's `tags.<tag>` switch them. */
  tags?: boolean;
}

/** The values paths a chart's templates compare with `"-"` (helm/classDash.ts). */
export interface DashComparisons {
  ids: string[];
  /** The same paths by the file that compares them (a chart-relative template path). */
  byFile: Record<string, string[]>;
  /** A comparison with `"-"` of something that is not a values path (a helper's parameter). */
  unresolved: boolean;
}

export interface ChartModel {
  meta: ChartMeta;
  /** The text of the chart's values.yaml ('' when missing). */
  valuesText: string;
  /** The chart's defaults as plain JS (parsed once). */
  defaults: Record<string, unknown>;
  /** Top-level value nodes in file order (documented-but-unset keys included). */
  roots: ValueNode[];
  /** Every node by id, for lookups. */
  byId: ReadonlyMap<string, ValueNode>;
  uses: TemplateUse[];
  /** How the templates compare values with `"-"`; absent: every class of `"-"` is taken as handled. */
  classDash?: DashComparisons;
  /** The parsed values.schema.json, when the chart has one and it parses. */
  schema?: Record<string, unknown>;
  /** Problems reading the chart itself (values.yaml syntax, schema JSON), both languages. */
  problems: LocalizedText[];
  /**
   * The subcharts whose files were given (`charts/<name>/…`), by the key the parent's values
   * use for them (the alias, else the name). A dependency that is not there is not in it.
   */
  subcharts?: ReadonlyMap<string, ChartModel>;
  /** Its templates replace the root values (`set . "Values" …`, helm/rootLibraries.ts). */
  setsRootValues?: true;
  /**
   * Library subcharts that merge their defaults into the root values (the k8s-at-home and bjw-s
   * "common" charts): their keys are root keys of this chart.
   */
  rootLibraries?: ChartModel[];
  /** The objects come from a dependency that is not there, given the root: any root key may be read. */
  openRoot?: true;
}
