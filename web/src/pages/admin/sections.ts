/** Sections of the admin console, in the order of its side navigation. */
export const ADMIN_SECTIONS = [{ to: '/admin', label: 'Account' }];
