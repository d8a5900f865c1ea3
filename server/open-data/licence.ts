/** CC BY 4.0, said in the files' metadata: what the product's users publish is open data. */
export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };
