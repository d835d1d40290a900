/** The product version, from package.json (inlined by esbuild). */
import { version } from '../../package.json';

export const PRODUCT_VERSION: string = version;
