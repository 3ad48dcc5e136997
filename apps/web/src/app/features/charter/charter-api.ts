import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CharterVersionDto, MembershipDto, SignCharterRequest } from '@allmende/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';

/** Data access of the charter (Leitbild and Leitziele) and signing it. */
@Injectable({ providedIn: 'root' })
export class CharterApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** The current version; 404 `NO_CHARTER` when none was published yet. */
  current(): Observable<CharterVersionDto> {
    return this.http.get<CharterVersionDto>(`${this.base}/api/charter`);
  }

  /** Signs (or, as a signatory, confirms) `version`; 409 `CHARTER_VERSION_OUTDATED` when it is not the current one. */
  sign(version: number): Observable<MembershipDto> {
    const body: SignCharterRequest = { version };
    return this.http.post<MembershipDto>(`${this.base}/api/me/membership/sign`, body);
  }
}
