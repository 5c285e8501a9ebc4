// Stand-in for the ESM-only office-addin-manifest, which office-addin-mock requires but never calls in tests.
module.exports = {};
