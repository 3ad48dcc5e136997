import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'allmende:isPublic';

/** Marks a route as reachable without signing in. Everything else is denied by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
