/**
 * The API reference page: self-contained HTML and JavaScript (no CDN, works offline) that fetches
 * `/docs/openapi.json` and lists every operation with its parameters, body, example and responses.
 * Every string from the document is inserted as text, never as HTML.
 */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchboard gateway API</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem 2rem; color: #1d2433; }
  h1 { margin-bottom: .2rem; } .lead { color: #4a5568; }
  details.op { border: 1px solid #d5dae3; border-radius: 6px; margin: .5rem 0; }
  details.op > summary { cursor: pointer; padding: .5rem .75rem; display: flex; gap: .75rem; align-items: baseline; }
  .method { font: 600 12px monospace; text-transform: uppercase; padding: .15rem .45rem; border-radius: 4px; color: #fff; background: #2b6cb0; min-width: 3.2rem; text-align: center; }
  .method.post { background: #2f855a; } .path { font-family: monospace; font-weight: 600; } .public { font-size: 12px; color: #975a16; }
  .body { padding: 0 1rem 1rem; } table { border-collapse: collapse; width: 100%; } td, th { text-align: left; border-bottom: 1px solid #edf0f5; padding: .25rem .4rem; vertical-align: top; }
  pre { background: #f6f8fb; padding: .6rem; overflow: auto; max-height: 24rem; font-size: 12px; }
  h2 { margin-top: 1.5rem; text-transform: capitalize; } h4 { margin: .8rem 0 .3rem; }
</style>
</head>
<body>
<h1 id="title">Switchboard gateway API</h1>
<p class="lead" id="description">Loading <a href="/docs/openapi.json">/docs/openapi.json</a>…</p>
<p>The machine-readable document: <a href="/docs/openapi.json">/docs/openapi.json</a> (OpenAPI 3.1).</p>
<main id="operations"></main>
<script>
(function () {
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function json(value) { return el('pre', {}, [JSON.stringify(value, null, 2)]); }
  function resolve(doc, schema) {
    if (schema && schema.$ref) return doc.components.schemas[schema.$ref.split('/').pop()] || schema;
    return schema;
  }
  function operation(doc, path, method, op) {
    var body = el('div', { class: 'body' }, []);
    if (op.description) body.appendChild(el('p', {}, [op.description]));
    if (op.parameters && op.parameters.length) {
      var rows = op.parameters.map(function (p) {
        return el('tr', {}, [el('td', {}, [el('code', {}, [p.name])]), el('td', {}, [p.in]), el('td', {}, [p.required ? 'required' : 'optional']), el('td', {}, [JSON.stringify(p.schema)]), el('td', {}, [p.description || ''])]);
      });
      body.appendChild(el('h4', {}, ['Parameters']));
      body.appendChild(el('table', {}, [el('tr', {}, [el('th', {}, ['name']), el('th', {}, ['in']), el('th', {}, ['']), el('th', {}, ['schema']), el('th', {}, [''])])].concat(rows)));
    }
    if (op.requestBody) {
      var media = op.requestBody.content['application/json'];
      body.appendChild(el('h4', {}, ['Request body (application/json)']));
      if (media.example !== undefined) { body.appendChild(el('div', {}, ['Example:'])); body.appendChild(json(media.example)); }
      var schema = el('details', {}, [el('summary', {}, ['Schema'])]); schema.appendChild(json(resolve(doc, media.schema))); body.appendChild(schema);
    }
    body.appendChild(el('h4', {}, ['Responses']));
    Object.keys(op.responses).forEach(function (status) {
      var r = op.responses[status];
      var line = el('details', {}, [el('summary', {}, [status + ' — ' + r.description])]);
      Object.keys(r.content || {}).forEach(function (type) { line.appendChild(el('div', {}, [type])); line.appendChild(json(resolve(doc, r.content[type].schema))); });
      body.appendChild(line);
    });
    var head = el('summary', {}, [el('span', { class: 'method ' + method }, [method]), el('span', { class: 'path' }, [path]), el('span', {}, [op.summary || ''])]);
    if (op.security && op.security.length === 0) head.appendChild(el('span', { class: 'public' }, ['no key needed']));
    return el('details', { class: 'op', id: op.operationId }, [head, body]);
  }
  fetch('/docs/openapi.json').then(function (r) { return r.json(); }).then(function (doc) {
    document.getElementById('title').textContent = doc.info.title + ' ' + doc.info.version;
    document.getElementById('description').textContent = doc.info.description;
    var main = document.getElementById('operations');
    (doc.tags || []).forEach(function (tag) {
      main.appendChild(el('h2', {}, [tag.name]));
      Object.keys(doc.paths).forEach(function (path) {
        Object.keys(doc.paths[path]).forEach(function (method) {
          var op = doc.paths[path][method];
          if (op.tags && op.tags.indexOf(tag.name) >= 0) main.appendChild(operation(doc, path, method, op));
        });
      });
    });
  }).catch(function (e) { document.getElementById('description').textContent = 'Could not load /docs/openapi.json: ' + e; });
})();
</script>
</body>
</html>
`;
