/** The sample's look, shared by every page it renders. */
export const PAGE_STYLE = `
  :root { font: 15px/1.45 system-ui, sans-serif; color: #1d2330; background: #f5f6f8; }
  body { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
  header { display: flex; align-items: baseline; justify-content: space-between; flex-wrap: wrap; gap: .5rem; }
  h1 { font-size: 1.4rem; margin: 0; } h2 { font-size: 1.05rem; margin: 0 0 .6rem; }
  nav a { margin-left: .8rem; color: #3050c0; }
  section, article { background: #fff; border: 1px solid #dde1e8; border-radius: 8px; padding: 1rem 1.2rem; margin-top: 1rem; }
  fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
  label { display: flex; flex-direction: column; font-size: .8rem; color: #566; }
  input, select, textarea, button { font: inherit; padding: .35rem .5rem; border: 1px solid #c4cad4; border-radius: 5px; }
  textarea { width: 100%; box-sizing: border-box; min-height: 3.2rem; }
  button { background: #3050c0; color: #fff; border-color: #3050c0; cursor: pointer; }
  button:disabled { opacity: .55; cursor: default; }
  button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid #1b2f80; outline-offset: 2px; }
  table { border-collapse: collapse; width: 100%; margin-top: .8rem; font-size: .9rem; }
  th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e6e9ee; }
  #error, #notice { padding: .55rem .8rem; border-radius: 6px; margin: 1rem 0 0; }
  #error { background: #fdecec; color: #9b1c1c; border: 1px solid #f3b9b9; }
  #notice { background: #eaf6ee; color: #1e6b35; border: 1px solid #b5dfc2; }
  #session-status { font-weight: 600; }
  .hint { font-size: .8rem; color: #667; margin: .4rem 0 0; }
  #feedback-list { padding-left: 1.2rem; margin: .8rem 0 0; }
`;
