/** The API lives under this prefix; the web app is served from `/`. */
export const API_PREFIX = 'api';

export const ApiRoutes = {
  health: '/api/health',
  actionFields: '/api/action-fields',
  docs: '/api/docs',
} as const;
