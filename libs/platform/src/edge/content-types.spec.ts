import { mediaTypeOf, unsupportedMediaType } from './content-types';

describe('unsupportedMediaType', () => {
  it('takes the media types the route declares, whatever their parameters and case', () => {
    expect(mediaTypeOf('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(unsupportedMediaType('application/json; charset=utf-8', ['application/json'])).toBeUndefined();
    expect(unsupportedMediaType('text/csv', ['text/csv'])).toBeUndefined();
  });

  it('refuses text/plain, a form or CSV on a JSON route with 415 naming both types', () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'text/csv']) {
      const refusal = unsupportedMediaType(type, ['application/json']);
      expect(refusal?.problem).toEqual({
        type: 'https://ofm.state.gov/problems/unsupported-media-type',
        title: 'Unsupported media type',
        status: 415,
        detail: `This route takes a body of type application/json, not ${type}`,
      });
    }
    expect(unsupportedMediaType('application/json', ['text/csv'])?.problem.status).toBe(415);
  });

  it('refuses a body without a Content-Type', () => {
    expect(unsupportedMediaType(undefined, ['application/json'])?.problem.detail).toBe(
      'A request body needs Content-Type: application/json',
    );
  });
});
