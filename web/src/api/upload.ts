import { authHeaders, failure, ApiError } from './client.ts';
import type { IngestResult } from './types.ts';

/**
 * Uploads a transcript with XMLHttpRequest, the one browser API that reports
 * upload progress. `onProgress` gets the fraction sent, 0–1.
 */
export function uploadTranscript(form: FormData, onProgress: (fraction: number) => void): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/meetings');
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response as IngestResult);
      else reject(failure(xhr.status, xhr.response));
    };
    xhr.onerror = () => reject(new ApiError(0, null, 'The upload was interrupted. Check the connection to the Confer server and try again.'));
    xhr.send(form);
  });
}
