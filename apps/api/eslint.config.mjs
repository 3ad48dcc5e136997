import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // integration tests may use the shared test helpers (mail sink, ports); the app itself may not
    files: ['test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [{ sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared', 'scope:e2e'] }],
        },
      ],
    },
  },
];
