export default function Page() {
  return <main className="p-4"><h1 className="text-lg font-semibold capitalize">portfolio</h1></main>;
}
