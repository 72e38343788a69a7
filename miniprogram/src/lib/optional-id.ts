/** Props for an optional element id: Taro's H5 renderer writes `id={undefined}` out as
 *  id="undefined", which would repeat one id across the page. */
export const optionalId = (id: string | undefined): { id?: string } => (id === undefined ? {} : { id });
