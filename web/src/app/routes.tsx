import type { ReactNode } from 'react';
import { AuditPage } from '../pages/admin/AuditPage.tsx';
import { DeploymentPage } from '../pages/admin/DeploymentPage.tsx';
import { LifecyclePage } from '../pages/admin/LifecyclePage.tsx';
import { PolicyPage } from '../pages/admin/PolicyPage.tsx';
import { UsersPage } from '../pages/admin/UsersPage.tsx';
import { MeetingPage } from '../pages/meeting/MeetingPage.tsx';
import { MeetingsPage } from '../pages/meetings/MeetingsPage.tsx';
import { TasksPage } from '../pages/tasks/TasksPage.tsx';
import { UploadPage } from '../pages/upload/UploadPage.tsx';

export interface AppRoute {
  pattern: string;
  /** Only owners and admins may open it. */
  admin?: boolean;
  render(params: Record<string, string>): ReactNode;
}

export const ROUTES: AppRoute[] = [
  { pattern: '/meetings', render: () => <MeetingsPage /> },
  { pattern: '/meetings/:id', render: ({ id }) => <MeetingPage key={id} id={id} /> },
  { pattern: '/upload', render: () => <UploadPage /> },
  { pattern: '/tasks', render: () => <TasksPage /> },
  { pattern: '/admin', admin: true, render: () => <DeploymentPage /> },
  { pattern: '/admin/policy', admin: true, render: () => <PolicyPage /> },
  { pattern: '/admin/users', admin: true, render: () => <UsersPage /> },
  { pattern: '/admin/lifecycle', admin: true, render: () => <LifecyclePage /> },
  { pattern: '/admin/audit', admin: true, render: () => <AuditPage /> },
];

/** The main navigation. */
export const NAV = [
  { to: '/meetings', label: 'Meetings', match: ['/meetings', '/upload'] },
  { to: '/tasks', label: 'Tasks', match: ['/tasks'] },
];
