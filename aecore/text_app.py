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

    # ---- navigation and sidebar -------------------------------------------------------------------
    "nav.home": ("Welcome", "시작"),
    "nav.builder": ("Layer Builder", "레이어 빌더"),
    "side.device": ("{icon} Training on **{kind}** · {name}{memory}", "{icon} **{kind}**에서 학습 · {name}{memory}"),
    "side.cpu_hint": ("No GPU here: the defaults are small, so training takes seconds.",
                      "GPU가 없습니다: 기본 설정이 작아서 학습은 몇 초면 됩니다."),

    # ---- home ---------------------------------------------------------------------------------------
    "home.title": ("🧠 The autoencoder classroom", "🧠 오토인코더 교실"),
    "home.lead": ("An autoencoder squeezes an image through a narrow code and rebuilds it. Here you **build** "
                  "one layer by layer, **train** it on this machine, and **use** it: reconstructions, "
                  "denoising, the latent space and similar-image search.",
                  "오토인코더는 이미지를 좁은 코드로 압축했다가 다시 만들어 냅니다. 여기서는 층을 하나씩 쌓아 "
                  "**만들고**, 이 컴퓨터에서 **학습시키고**, 복원·노이즈 제거·잠재 공간·비슷한 이미지 찾기에 "
                  "**써 봅니다**."),
    "home.build_title": ("1 · Build", "1 · 만들기"),
    "home.build_text": ("Stack layers and watch every output shape change as you type. Paste Keras or PyTorch "
                        "code from a lesson and see its table.",
                        "층을 쌓으면서 출력 모양이 바뀌는 것을 바로 봅니다. 수업의 Keras나 PyTorch 코드를 붙여 "
                        "넣어 표로 볼 수도 있습니다."),
    "home.train_title": ("2 · Train", "2 · 학습"),
    "home.train_text": ("Train on the GPU if there is one, else on the CPU, with live loss curves and "
                        "reconstructions.",
                        "GPU가 있으면 GPU로, 없으면 CPU로 학습하며 손실 곡선과 복원 결과를 실시간으로 봅니다."),
    "home.use_title": ("3 · Use", "3 · 활용"),
    "home.use_text": ("Denoise images, explore the latent space, and find similar images by their codes.",
                      "노이즈를 없애고, 잠재 공간을 탐색하고, 코드로 비슷한 이미지를 찾습니다."),
    "home.puzzle_title": ("The shape puzzle", "모양 퍼즐"),
    "home.puzzle_text": ("The first lesson's model pools twice but upsamples three times, and still ends at "
                         "28×28. Why? Two rows of the table hold the answer: a 'same' pooling turns 7 into 4, and "
                         "one convolution without padding turns 16 into 14.",
                         "첫 수업의 모델은 풀링을 두 번, 업샘플링을 세 번 하는데도 28×28로 끝납니다. 왜일까요? 표의 "
                         "두 줄에 답이 있습니다: 'same' 풀링은 7을 4로, 패딩 없는 합성곱은 16을 14로 만듭니다."),
    "home.open_builder": ("Open the Layer Builder", "레이어 빌더 열기"),

    # ---- the shape table and its picture ------------------------------------------------------------
    "table.layer": ("Layer", "층"),
    "table.input": ("input", "입력"),
    "table.shape": ("Output shape", "출력 모양"),
    "table.params": ("Params", "파라미터"),
    "table.why": ("Why", "이유"),
    "table.bottleneck": ("bottleneck", "병목"),
    "table.torch_ops": ("PyTorch ops", "PyTorch 연산"),
    "viz.input": ("input", "입력"),
    "viz.hover_input": ("input {shape}", "입력 {shape}"),
    "viz.hover_row": ("{type} → {shape}<br>{n} values · {p} params", "{type} → {shape}<br>값 {n}개 · 파라미터 {p}개"),
    "viz.hover_error": ("this layer fails", "이 층에서 실패"),
    "viz.hourglass_title": ("Numbers per image after each layer (log scale): the hourglass",
                            "층마다 이미지 한 장의 숫자 개수 (로그 눈금): 모래시계 모양"),
    "viz.values": ("values per image", "이미지당 값의 개수"),

    # ---- Layer Builder --------------------------------------------------------------------------------
    "builder.title": ("🧱 Layer Builder", "🧱 레이어 빌더"),
    "builder.intro": ("Change any layer and the table, the picture and the code follow at once. Each row says "
                      "why its shape is what it is.",
                      "층을 바꾸면 표와 그림과 코드가 바로 따라 바뀝니다. 줄마다 그 모양이 나온 이유를 보여 줍니다."),
    "builder.start_from": ("Start from", "시작 모델"),
    "builder.input_shape": ("Input shape", "입력 모양"),
    "builder.input_help_keras": ("Keras order: height, width, channels, e.g. 28, 28, 1",
                                 "Keras 순서: 높이, 너비, 채널 (예: 28, 28, 1)"),
    "builder.input_help_torch": ("PyTorch order: channels, height, width, e.g. 1, 28, 28",
                                 "PyTorch 순서: 채널, 높이, 너비 (예: 1, 28, 28)"),
    "builder.torch_view": ("PyTorch view", "PyTorch로 보기"),
    "builder.torch_view_help": ("Show the shapes as torch sees them (C, H, W), the torch ops of each row, and "
                                "runnable PyTorch code for this stack.",
                                "torch가 보는 모양 (C, H, W), 줄마다의 torch 연산, 실행되는 PyTorch 코드를 보여 줍니다."),
    "builder.paste_title": ("📋 Paste Keras or PyTorch code", "📋 Keras나 PyTorch 코드 붙여 넣기"),
    "builder.paste_label": ("Model code (it is read, never run)", "모델 코드 (읽기만 하고 실행하지 않습니다)"),
    "builder.paste_placeholder": ("model = Sequential()\nmodel.add(Conv2D(16, kernel_size=3, padding='same', "
                                  "input_shape=(28, 28, 1)))\n...",
                                  "model = Sequential()\nmodel.add(Conv2D(16, kernel_size=3, padding='same', "
                                  "input_shape=(28, 28, 1)))\n..."),
    "builder.var": ("Value of `{name}` (the code never sets it)", "`{name}`의 값 (코드에 없음)"),
    "builder.read": ("Read the code", "코드 읽기"),
    "builder.read_ok": ("Read {n} layers ({dialect}). Edit them below.", "{n}개 층을 읽었습니다 ({dialect}). 아래에서 고치세요."),
    "builder.layers": ("Layers", "층"),
    "builder.type_n": ("Layer {i}", "{i}번 층"),
    "builder.fails_here": ("fails here", "여기서 실패"),
    "builder.up": ("Move up", "위로"),
    "builder.down": ("Move down", "아래로"),
    "builder.remove": ("Remove this layer", "이 층 지우기"),
    "builder.more": ("More keywords", "키워드 더 보기"),
    "builder.default": ("default: {v}", "기본값: {v}"),
    "builder.required": ("required", "필수"),
    "builder.add_type": ("Add a layer at the end", "끝에 층 추가"),
    "builder.add": ("➕ Add", "➕ 추가"),
    "builder.total": ("Total params", "전체 파라미터"),
    "builder.trainable": ("Trainable params", "학습 파라미터"),
    "builder.n_layers": ("Layers", "층 수"),
    "builder.banner_error": ("Layer {i} fails: its message is in the red row. Every row before it still stands.",
                             "{i}번 층에서 실패합니다: 빨간 줄에 이유가 있습니다. 그 앞의 줄은 그대로 보입니다."),
    "builder.banner_empty": ("No layers yet: pick a model above or add a layer.",
                             "아직 층이 없습니다: 위에서 모델을 고르거나 층을 추가하세요."),
    "builder.banner_same": ("The output {shape} equals the input: this autoencoder can learn to rebuild its images.",
                            "출력 {shape}이 입력과 같습니다: 이 오토인코더는 이미지를 다시 만드는 법을 배울 수 있습니다."),
    "builder.banner_differs": ("The output {out} is not the input {inp}: an autoencoder must give back the shape "
                               "it was given.",
                               "출력 {out}이 입력 {inp}과 다릅니다: 오토인코더는 받은 모양 그대로 돌려줘야 합니다."),
    "preset.s0-keras-conv": ("Seed 000 · Keras conv puzzle (2 poolings, 3 upsamplings)",
                             "시드 000 · Keras 합성곱 퍼즐 (풀링 2번, 업샘플링 3번)"),
    "preset.s1-uva-conv": ("Seed 001 · PyTorch conv encoder/decoder (GELU, latent 256)",
                           "시드 001 · PyTorch 합성곱 인코더/디코더 (GELU, 잠재 256)"),
    "preset.s2-mlp3": ("Seed 002 · MLP 784-128-64-12-3 (3-D latent)", "시드 002 · MLP 784-128-64-12-3 (3차원 잠재)"),
    "preset.s3-dense": ("Seed 003 · one Dense layer each way (latent 32)", "시드 003 · 양쪽 Dense 한 층 (잠재 32)"),
    "preset.s4-stacked": ("Seed 004 · stacked 784-300-150-300-784 (ELU)", "시드 004 · 적층 784-300-150-300-784 (ELU)"),
    "preset.empty-keras": ("Empty · Keras", "빈 스택 · Keras"),
    "preset.empty-pytorch": ("Empty · PyTorch", "빈 스택 · PyTorch"),

    # ---- predict the shape ------------------------------------------------------------------------------
    "quiz.title": ("🎯 Predict the shape", "🎯 모양 맞히기"),
    "quiz.intro": ("One output shape is hidden (and everything after it). Work it out, type it, and the app "
                   "checks it with the arithmetic.",
                   "출력 모양 하나(와 그 뒤)를 가립니다. 계산해서 적으면 앱이 식과 함께 확인해 줍니다."),
    "quiz.start": ("Hide a shape", "모양 가리기"),
    "quiz.question": ("Layer {i}: `{call}` receives ({shape}). What shape comes out?",
                      "{i}번 층: `{call}`가 ({shape})를 받습니다. 어떤 모양이 나올까요?"),
    "quiz.answer": ("Your answer", "내 답"),
    "quiz.check": ("Check", "확인"),
    "quiz.another": ("Another one", "다른 문제"),
    "quiz.stop": ("Show everything", "모두 보기"),
    "quiz.right": ("✓ Right: {shape}. {why}", "✓ 맞았습니다: {shape}. {why}"),
    "quiz.wrong": ("Not quite: you said {guess}, it is {shape}. {why}", "아쉽습니다: {guess}라고 했지만 답은 {shape}입니다. {why}"),
    "quiz.hint_rank": (" (It has {n} numbers.)", " (숫자 {n}개입니다.)"),
    "quiz.hint_order": (" (Right numbers, wrong order: write {order}.)", " (숫자는 맞고 순서가 다릅니다: {order} 순서로 쓰세요.)"),
    "quiz.unreadable": ("Type the shape as numbers separated by commas, e.g. 14, 14, 16 (got {v!r}).",
                        "모양을 쉼표로 나눈 숫자로 적으세요. 예: 14, 14, 16 (받은 값: {v!r})"),
}
