const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);

/** The API reference page: Swagger UI's stylesheet and script from `base`, and the script that starts it. No inline script or style (the CSP forbids them). */
export function referencePage(base: string, title: string): string {
  const at = (name: string) => escapeHtml(`${base}/${name}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${at('swagger-ui.css')}">
<link rel="icon" type="image/png" href="${at('favicon-32x32.png')}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${at('swagger-ui-bundle.js')}"></script>
<script src="${at('start.js')}"></script>
</body>
</html>
`;
}

/** The script that starts Swagger UI on the document at `documentUrl`: no validator (it would call validator.swagger.io), cookies sent with "Try it out". */
export function startScript(documentUrl: string): string {
  const config = { url: documentUrl, dom_id: '#swagger-ui', validatorUrl: null, deepLinking: true, withCredentials: true };
  return `window.ui = SwaggerUIBundle(${JSON.stringify(config)});\n`;
}
