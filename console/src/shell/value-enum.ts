// ProTable's select filters and labels from the contract's label tables ({ ACTIVE: '正常' } →
// { ACTIVE: { text: '正常' } }).
export const valueEnumOf = (labels: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(labels).map(([value, text]) => [value, { text }]));
