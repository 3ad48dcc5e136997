import { httpResource } from '@angular/common/http';
import { inject } from '@angular/core';
import { ActionFieldDto, ApiRoutes } from '@allmende/contracts';
import { API_BASE_URL } from '../../core/api/api-base-url';

/** Signal-based `GET /api/action-fields`; call in an injection context. */
export function actionFieldsResource() {
  const baseUrl = inject(API_BASE_URL);
  return httpResource<ActionFieldDto[]>(() => `${baseUrl}${ApiRoutes.actionFields}`);
}

/** Fields to show: not archived, in their configured order. */
export function visibleActionFields(fields: readonly ActionFieldDto[]): ActionFieldDto[] {
  return fields.filter((field) => !field.archived).sort((a, b) => a.position - b.position);
}
