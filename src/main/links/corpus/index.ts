/** The link-detection corpus, shared by the tests and the benchmark. */
export { corpusCases, href, type CorpusCase } from './cases';
export { hostileBody } from './hostile';
export { providerExamples } from './provider-examples';
export { realisticMix } from './mix';
