/** The OpenAPI 3.1 description served at `/api/openapi.json`. */
const errorResponse = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const page = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Corroborate API',
    version: '1.0.0',
    description:
      'Stories built from many outlets\u2019 coverage, with aligned quotes, facts, conflicts, copies, cited summaries and timelines. ' +
      'Every finding cites {article, start, end} spans of an article\u2019s cleaned text. Writes need `Authorization: Bearer <CORROBORATE_TOKEN>`.',
  },
  components: {
    securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
      ArticleInput: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          text: { type: 'string' },
          html: { type: 'string' },
          url: { type: 'string' },
          title: { type: 'string' },
          outlet: { type: 'string' },
          published: { type: 'string' },
          byline: { type: 'string' },
          language: { type: 'string' },
        },
      },
    },
  },
  paths: {
    '/api/stories': {
      get: {
        summary: 'List stories, newest first',
        parameters: [
          { name: 'q', in: 'query', description: 'full-text search', schema: { type: 'string' } },
          {
            name: 'since',
            in: 'query',
            description: 'ISO date: stories with articles published since',
            schema: { type: 'string' },
          },
          { name: 'outlet', in: 'query', schema: { type: 'string' } },
          ...page,
        ],
        responses: {
          200: { description: 'A page of stories with `total`, `limit`, `offset` and `next`' },
          400: errorResponse,
        },
      },
    },
    '/api/stories/{id}': {
      get: {
        summary: 'One story with its findings and articles\u2019 metadata',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The story (ETag: its version)' },
          304: { description: 'Not modified' },
          404: errorResponse,
        },
      },
    },
    '/api/articles/{id}': {
      get: {
        summary: 'One article: cleaned text, annotations, removed text, flags',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The article' }, 404: errorResponse },
      },
    },
    '/api/articles': {
      post: {
        summary: 'Ingest one article, an array of articles, or {articles: [...]}',
        security: [{ token: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { $ref: '#/components/schemas/ArticleInput' },
                  { type: 'array', items: { $ref: '#/components/schemas/ArticleInput' } },
                ],
              },
            },
          },
        },
        responses: {
          200: {
            description:
              'Per article: its id, whether it was new, its story, or why it was set aside (failed)',
          },
          400: errorResponse,
          401: errorResponse,
          413: errorResponse,
          429: errorResponse,
          503: errorResponse,
        },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over articles',
        parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }, ...page],
        responses: { 200: { description: 'Matching articles with snippets' }, 400: errorResponse },
      },
    },
  },
} as const;
