// Lets tests import YAML data files the way esbuild's yaml plugin does for the bundles.
const { readFileSync } = require('node:fs');
const { parse } = require('yaml');

require.extensions['.yaml'] = (module, filename) => {
  module.exports = parse(readFileSync(filename, 'utf8'));
};
require.extensions['.yml'] = require.extensions['.yaml'];
