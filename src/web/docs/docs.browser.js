// Swagger UI over this service's own OpenAPI document; the relative URL resolves next to this page.
window.ui = SwaggerUIBundle({
  url: 'openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  // The public validator badge would call out to the internet; the document is generated, so there is nothing to check.
  validatorUrl: null,
  defaultModelsExpandDepth: 0,
});
