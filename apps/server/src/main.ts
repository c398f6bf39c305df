// Placeholder until the server issue lands.
process.stderr.write('imajin-video server: not built yet.\n');
process.exit(2);
