import { toOpenApi31Schemas } from './openapi-31';

describe('toOpenApi31Schemas', () => {
  it('turns a nullable scalar into a type list with null', () => {
    expect(toOpenApi31Schemas({ type: 'string', nullable: true, format: 'date' })).toEqual({
      type: ['string', 'null'],
      format: 'date',
    });
  });

  it('adds null to the enum of a nullable enumeration', () => {
    expect(toOpenApi31Schemas({ type: 'string', enum: ['a', 'b'], nullable: true })).toEqual({
      type: ['string', 'null'],
      enum: ['a', 'b', null],
    });
  });

  it('turns a nullable reference into a choice of the reference or null, keeping the description outside', () => {
    expect(
      toOpenApi31Schemas({
        nullable: true,
        description: 'once accredited',
        type: 'object',
        allOf: [{ $ref: '#/components/schemas/IdCardView' }],
      }),
    ).toEqual({
      description: 'once accredited',
      anyOf: [{ $ref: '#/components/schemas/IdCardView' }, { type: 'null' }],
    });
  });

  it('walks the whole document and leaves what is not nullable alone', () => {
    const doc = {
      openapi: '3.1.0',
      components: {
        schemas: {
          V: {
            type: 'object',
            properties: { a: { type: 'number' }, b: { type: 'string', nullable: true } },
            required: ['a'],
          },
        },
      },
    };
    expect(toOpenApi31Schemas(doc)).toEqual({
      openapi: '3.1.0',
      components: {
        schemas: {
          V: {
            type: 'object',
            properties: { a: { type: 'number' }, b: { type: ['string', 'null'] } },
            required: ['a'],
          },
        },
      },
    });
  });
});
