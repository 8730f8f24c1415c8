export function OptionsApp() {
  return <main><h1>Moonlit</h1></main>;
}
