import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActionFieldDto,
  CompositionReport,
  ContinuityReport,
  CouncilReport,
  CreateExportRequest,
  CreateStudyRequest,
  ExportLogEntry,
  ExportResult,
  OutputsReport,
  ParticipationReport,
  ResearchFilter,
  ResearchGroupBy,
  ResearchPeriod,
  StudyDto,
  WorkingGroupPage,
} from '@allmende/contracts';
import { ApiRoutes } from '@allmende/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { toHttpParams } from '../../shared/list-params';

/** GET /api/research/participation: what to group by, per month or quarter, and the filters. */
export interface ParticipationQuery extends ResearchFilter {
  groupBy: ResearchGroupBy;
  period: ResearchPeriod;
}

/** The most working groups the filter offers (the API's largest page). */
export const GROUP_FILTER_LIMIT = 100;

/** Data access of participation insight (researchers and the office) and the council report (office). */
@Injectable({ providedIn: 'root' })
export class ResearchApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  private url(path: string): string {
    return `${this.base}/api/research/${path}`;
  }

  participation(query: ParticipationQuery): Observable<ParticipationReport> {
    return this.http.get<ParticipationReport>(this.url('participation'), { params: toHttpParams(query) });
  }

  continuity(k: number, n: number): Observable<ContinuityReport> {
    return this.http.get<ContinuityReport>(this.url('continuity'), { params: toHttpParams({ k, n }) });
  }

  composition(): Observable<CompositionReport> {
    return this.http.get<CompositionReport>(this.url('composition'));
  }

  outputs(): Observable<OutputsReport> {
    return this.http.get<OutputsReport>(this.url('outputs'));
  }

  studies(): Observable<StudyDto[]> {
    return this.http.get<StudyDto[]>(this.url('studies'));
  }

  createStudy(request: CreateStudyRequest): Observable<StudyDto> {
    return this.http.post<StudyDto>(this.url('studies'), request);
  }

  export(request: CreateExportRequest): Observable<ExportResult> {
    return this.http.post<ExportResult>(this.url('exports'), request);
  }

  exportLog(): Observable<ExportLogEntry[]> {
    return this.http.get<ExportLogEntry[]>(this.url('exports'));
  }

  /** The office's report for the city council; `to` is exclusive. */
  councilReport(from: string, to: string): Observable<CouncilReport> {
    return this.http.get<CouncilReport>(`${this.base}/api/reports/council`, { params: toHttpParams({ from, to }) });
  }

  /** For the filters. */
  actionFields(): Observable<ActionFieldDto[]> {
    return this.http.get<ActionFieldDto[]>(`${this.base}${ApiRoutes.actionFields}`);
  }

  /** For the filters: the first GROUP_FILTER_LIMIT working groups. */
  groups(): Observable<WorkingGroupPage> {
    return this.http.get<WorkingGroupPage>(`${this.base}/api/working-groups`, { params: toHttpParams({ pageSize: GROUP_FILTER_LIMIT }) });
  }
}
