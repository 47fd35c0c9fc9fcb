/** Real names and statistics-bureau codes of a district's streets and their communities. */
export interface DivisionNames {
  district: { code: string; name: string };
  streets: {
    /** 9-digit street code. */
    code: string;
    name: string;
    /** 12-digit community (社区) or village (村) codes under the street. */
    communities: { code: string; name: string }[];
  }[];
}
