import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { validationFailed } from '@ofm/platform';
import { UUID_PATTERN } from './validators';

// Path ids are UUIDs: anything else is a 400 naming the parameter, never a 404 or a 500 downstream.
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    const field = metadata.data ?? 'id';
    if (typeof value !== 'string' || !UUID_PATTERN.test(value)) {
      throw validationFailed([{ field, message: `${field} must be a UUID` }]);
    }
    return value.toLowerCase();
  }
}
