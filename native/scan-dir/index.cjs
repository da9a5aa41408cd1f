'use strict';
module.exports = require('./build/Release/scan_dir.node');
