"""Text of the app's pages, widgets and command line. key -> (en, ko)."""

TEXT = {
    # ---- command line ---------------------------------------------------------------------------
    "cli.model": ("Model: {dialect} stack on input {shape}", "모델: 입력 {shape}의 {dialect} 스택"),
    "cli.layer": ("Layer (type)", "층 (종류)"),
    "cli.output": ("Output shape", "출력 모양"),
    "cli.params": ("Param #", "파라미터 수"),
    "cli.why": ("Why", "이유"),
    "cli.total": ("Total params: {n}", "전체 파라미터: {n}"),
    "cli.trainable": ("Trainable params: {n}", "학습 파라미터: {n}"),
    "cli.frozen": ("Non-trainable params: {n}", "학습하지 않는 파라미터: {n}"),
    "cli.same": ("✓ The output {out} equals the input {inp}: it can learn to reconstruct.",
                 "✓ 출력 {out}이 입력 {inp}과 같습니다: 복원을 학습할 수 있습니다."),
    "cli.differs": ("✗ The output {out} differs from the input {inp}: an autoencoder must give back its input's shape.",
                    "✗ 출력 {out}이 입력 {inp}과 다릅니다: 오토인코더는 입력과 같은 모양을 돌려줘야 합니다."),
    "cli.need_input": ("give the input shape with --input (e.g. --input 28,28,1)",
                       "--input으로 입력 모양을 주세요 (예: --input 28,28,1)"),
}
