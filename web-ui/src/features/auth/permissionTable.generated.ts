// Generated from config-repo/permissions.yml by CopiesOfThePermissionTableTest (module permissions).
// Do not edit: change the YAML, then run
// ./mvnw -pl platform-permissions test -Dcrm.permissions.update=true

export const ROLES = ['admin', 'manager', 'sales', 'support'] as const;

export const OPERATIONS = {
  'me.get': {
    method: 'GET',
    path: '/api/v1/me',
    signedIn: true,
    roles: [],
    scopes: [],
  },
  'users.list': {
    method: 'GET',
    path: '/api/v1/users',
    signedIn: false,
    roles: ['admin'],
    scopes: [],
  },
  'users.set-role': {
    method: 'PUT',
    path: '/api/v1/users/{id}/role',
    signedIn: false,
    roles: ['admin'],
    scopes: [],
  },
  'users.set-enabled': {
    method: 'PUT',
    path: '/api/v1/users/{id}/enabled',
    signedIn: false,
    roles: ['admin'],
    scopes: [],
  },
  'customers.list': {
    method: 'GET',
    path: '/api/v1/customers',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['customers:read'],
  },
  'customers.get': {
    method: 'GET',
    path: '/api/v1/customers/{id}',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['customers:read'],
  },
  'customers.create': {
    method: 'POST',
    path: '/api/v1/customers',
    signedIn: false,
    roles: ['admin', 'manager', 'sales'],
    scopes: ['customers:write'],
  },
  'customers.update': {
    method: 'PUT',
    path: '/api/v1/customers/{id}',
    signedIn: false,
    roles: ['admin', 'manager', 'sales'],
    scopes: ['customers:write'],
  },
  'customers.owners': {
    method: 'GET',
    path: '/api/v1/customers/owners',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['customers:read'],
  },
  'customers.set-owner': {
    method: 'PUT',
    path: '/api/v1/customers/{id}/owner',
    signedIn: false,
    roles: ['admin', 'manager'],
    scopes: [],
  },
  'customers.delete': {
    method: 'DELETE',
    path: '/api/v1/customers/{id}',
    signedIn: false,
    roles: ['admin', 'manager'],
    scopes: [],
  },
  'customers.list-deleted': {
    method: 'GET',
    path: '/api/v1/customers/deleted',
    signedIn: false,
    roles: ['admin', 'manager'],
    scopes: [],
  },
  'customers.restore': {
    method: 'POST',
    path: '/api/v1/customers/{id}/restore',
    signedIn: false,
    roles: ['admin', 'manager'],
    scopes: [],
  },
  'activities.list': {
    method: 'GET',
    path: '/api/v1/activities',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['activities:read'],
  },
  'leads.list': {
    method: 'GET',
    path: '/api/v1/leads',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['leads:read'],
  },
  'leads.board': {
    method: 'GET',
    path: '/api/v1/leads/board',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['leads:read'],
  },
  'leads.assignees': {
    method: 'GET',
    path: '/api/v1/leads/assignees',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['leads:read'],
  },
  'leads.get': {
    method: 'GET',
    path: '/api/v1/leads/{id}',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['leads:read'],
  },
  'leads.create': {
    method: 'POST',
    path: '/api/v1/leads',
    signedIn: false,
    roles: ['admin', 'manager', 'sales'],
    scopes: ['leads:write'],
  },
  'leads.update': {
    method: 'PUT',
    path: '/api/v1/leads/{id}',
    signedIn: false,
    roles: ['admin', 'manager', 'sales'],
    scopes: ['leads:write'],
  },
  'leads.set-status': {
    method: 'PUT',
    path: '/api/v1/leads/{id}/status',
    signedIn: false,
    roles: ['admin', 'manager', 'sales'],
    scopes: ['leads:write'],
  },
  'leads.assign': {
    method: 'PUT',
    path: '/api/v1/leads/{id}/assignee',
    signedIn: false,
    roles: ['admin', 'manager'],
    scopes: [],
  },
  'leads.delete': {
    method: 'DELETE',
    path: '/api/v1/leads/{id}',
    signedIn: false,
    roles: ['admin', 'manager'],
    scopes: [],
  },
  'leads.score': {
    method: 'GET',
    path: '/api/v1/leads/{id}/score',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['leads:read'],
  },
  'leads.score-history': {
    method: 'GET',
    path: '/api/v1/leads/{id}/score/history',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['leads:read'],
  },
<<<<<<< HEAD
<<<<<<< HEAD
  'customers.documents-list': {
    method: 'GET',
    path: '/api/v1/customers/{id}/documents',
=======
  'customers.history': {
    method: 'GET',
    path: '/api/v1/customers/{id}/history',
>>>>>>> audit
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['customers:read'],
  },
<<<<<<< HEAD
  'customers.documents-download': {
    method: 'GET',
    path: '/api/v1/customers/{id}/documents/{documentId}/content',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['customers:read'],
  },
  'customers.documents-attach': {
    method: 'POST',
    path: '/api/v1/customers/{id}/documents',
    signedIn: false,
    roles: ['admin', 'manager', 'sales'],
    scopes: ['customers:write'],
  },
  'customers.documents-remove': {
    method: 'DELETE',
    path: '/api/v1/customers/{id}/documents/{documentId}',
    signedIn: false,
    roles: ['admin', 'manager', 'sales'],
    scopes: [],
=======
  'leads.history': {
    method: 'GET',
    path: '/api/v1/leads/{id}/history',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['leads:read'],
>>>>>>> audit
=======
  'timeline.list': {
    method: 'GET',
    path: '/api/v1/customers/{id}/timeline',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['activities:read'],
  },
  'follow-ups.list': {
    method: 'GET',
    path: '/api/v1/follow-ups',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['activities:read'],
  },
  'follow-ups.assignees': {
    method: 'GET',
    path: '/api/v1/follow-ups/assignees',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: [],
  },
  'follow-ups.get': {
    method: 'GET',
    path: '/api/v1/follow-ups/{id}',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: ['activities:read'],
  },
  'follow-ups.create': {
    method: 'POST',
    path: '/api/v1/follow-ups',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: [],
  },
  'follow-ups.update': {
    method: 'PUT',
    path: '/api/v1/follow-ups/{id}',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: [],
  },
  'follow-ups.complete': {
    method: 'POST',
    path: '/api/v1/follow-ups/{id}/complete',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: [],
  },
  'follow-ups.cancel': {
    method: 'POST',
    path: '/api/v1/follow-ups/{id}/cancel',
    signedIn: false,
    roles: ['admin', 'manager', 'sales', 'support'],
    scopes: [],
>>>>>>> followups
  },
} as const;

export type OperationName = keyof typeof OPERATIONS;
