// Pages import their stylesheet for its side effect (the H5 build's css loaders inject it). jsdom
// lays nothing out and the tests find elements by id and text, so a stylesheet loads as nothing.
module.exports = {};
