/** Sections of the admin console, in the order of its side navigation. */
export const ADMIN_SECTIONS = [
  { to: '/admin', label: 'Deployment and models' },
  { to: '/admin/policy', label: 'Feature policy' },
  { to: '/admin/users', label: 'Users and groups' },
  { to: '/admin/lifecycle', label: 'Data lifecycle' },
  { to: '/admin/audit', label: 'Audit log' },
];
