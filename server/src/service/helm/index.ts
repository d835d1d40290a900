/** The Helm values model: what the facade, the CLI and the LSP feature import. */
export type {
  ChartFiles,
  ChartModel,
  ValueNode,
  TemplateUse,
  StorageKind,
  ValueType,
} from './types';
export { buildChartModel, chartDefaults } from './chart';
export { checkValuesFile, type ValuesCheckOptions } from './valuesFile';
export {
  valuesCompletion,
  valuesHover,
  valueCard,
  type ChartLink,
  type HelmHover,
  type ValueCompletion,
} from './assist';
export {
  valuesReport,
  storageBlock,
  inspectChart,
  type ChartInspection,
  type ValueRow,
  type ValuesReport,
} from './report';
export { HelmCharts } from './registry';
export { storageClassMeaning } from './storage';
export { pathId } from './paths';
export { mayBeValuesFile } from './valuesFileName';
