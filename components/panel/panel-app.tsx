export function PanelApp() {
  return <main><h1>Moonlit</h1></main>;
}
