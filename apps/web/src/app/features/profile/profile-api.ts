import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangePasswordRequest,
  ConsentDto,
  ConsentPurpose,
  DeleteAccountRequest,
  MeDto,
  UpdateConsentRequest,
  UpdateProfileRequest,
} from '@allmende/contracts';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';

/** The calls behind the profile page (`/api/me…`, password change). */
@Injectable({ providedIn: 'root' })
export class ProfileApi {
  readonly #http = inject(HttpClient);
  readonly #base = inject(API_BASE_URL);

  updateProfile(body: UpdateProfileRequest): Promise<MeDto> {
    return firstValueFrom(this.#http.patch<MeDto>(`${this.#base}/api/me`, body));
  }

  setConsent(purpose: ConsentPurpose, granted: boolean): Promise<ConsentDto[]> {
    const body: UpdateConsentRequest = { purpose, granted };
    return firstValueFrom(this.#http.put<ConsentDto[]>(`${this.#base}/api/me/consents`, body));
  }

  changePassword(body: ChangePasswordRequest): Promise<void> {
    return firstValueFrom(this.#http.post<void>(`${this.#base}/api/auth/password/change`, body));
  }

  deleteAccount(password: string): Promise<void> {
    const body: DeleteAccountRequest = { password };
    return firstValueFrom(this.#http.delete<void>(`${this.#base}/api/me`, { body }));
  }
}
