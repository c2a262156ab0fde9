import { PUBLIC_ROUTES } from './public.ts';
import { STAFF_ROUTES } from './staff.ts';

/** Every operation of the service by name: what the app must register and the document describes. */
export const ROUTES = { ...PUBLIC_ROUTES, ...STAFF_ROUTES };
export type RouteName = keyof typeof ROUTES;
export { PUBLIC_ROUTES, STAFF_ROUTES };
